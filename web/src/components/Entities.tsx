/**
 * Key entities of a story, and a small co-occurrence graph: two entities are linked when they are
 * mentioned in the same article. The story answer has no per-article entities, so the graph reads
 * the entities of a bounded sample of the story's original articles (GRAPH_SAMPLE, a few requests
 * at a time) and says how many it read.
 */
import { useEffect, useState } from 'preact/hooks';
import { apiUrl, getJson, limiter } from '../api';
import { plural } from '../format';
import type { ArticleDetail, ArticleRef, StoryEntity } from '../types';

export const GRAPH_SAMPLE = 12;
const GRAPH_NODES = 10;
const queue = limiter(3);

interface Graph {
  nodes: StoryEntity[];
  edges: { a: number; b: number; n: number }[];
  sampled: number;
}

function normal(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

function useCooccurrence(entities: StoryEntity[], articles: ArticleRef[]): Graph | null {
  const [graph, setGraph] = useState<Graph | null>(null);
  const key = `${entities.map((e) => e.name).join('|')}#${articles.map((a) => a.id).join(',')}`;
  useEffect(() => {
    const nodes = entities.slice(0, GRAPH_NODES);
    const index = new Map(nodes.map((e, i) => [normal(e.name), i]));
    const sample = articles.filter((a) => a.canonical === null).slice(0, GRAPH_SAMPLE);
    if (nodes.length < 2 || sample.length === 0) {
      setGraph({ nodes, edges: [], sampled: 0 });
      return;
    }
    const controller = new AbortController();
    setGraph(null);
    Promise.allSettled(sample.map((a) => queue(() => getJson<ArticleDetail>(apiUrl(`articles/${a.id}`), controller.signal)))).then((results) => {
      if (controller.signal.aborted) return;
      const counts = new Map<string, number>();
      let sampled = 0;
      for (const result of results) {
        if (result.status !== 'fulfilled') continue;
        sampled++;
        const present = [...new Set(result.value.entities.map((e) => index.get(normal(e.name))).filter((i): i is number => i !== undefined))].sort((x, y) => x - y);
        for (let i = 0; i < present.length; i++) for (let j = i + 1; j < present.length; j++) counts.set(`${present[i]}-${present[j]}`, (counts.get(`${present[i]}-${present[j]}`) ?? 0) + 1);
      }
      const edges = [...counts].map(([k, n]) => {
        const [a, b] = k.split('-').map(Number) as [number, number];
        return { a, b, n };
      });
      setGraph({ nodes, edges, sampled });
    });
    return () => controller.abort();
    // `key` stands for both inputs: re-read only when the entities or the articles change.
  }, [key]);
  return graph;
}

const GW = 420;
const GH = 300;

function GraphSvg({ graph }: { graph: Graph }) {
  const { nodes, edges } = graph;
  const cx = GW / 2;
  const cy = GH / 2;
  const radius = GH / 2 - 34;
  const maxArticles = Math.max(1, ...nodes.map((n) => n.articles));
  const maxEdge = Math.max(1, ...edges.map((e) => e.n));
  const points = nodes.map((_, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), angle };
  });
  const strongest = [...edges].sort((a, b) => b.n - a.n).slice(0, 5);
  const label = edges.length
    ? `Co-occurrence of ${nodes.length} entities across ${plural(graph.sampled, 'article')}. Strongest pairs: ${strongest.map((e) => `${nodes[e.a]!.name} and ${nodes[e.b]!.name} (${e.n})`).join('; ')}.`
    : `No two of these entities appear in the same article among the ${plural(graph.sampled, 'article')} read.`;
  return (
    <svg class="graph" viewBox={`0 0 ${GW} ${GH}`} role="img" aria-label={label}>
      <title>{label}</title>
      {edges.map((e) => (
        <line key={`${e.a}-${e.b}`} x1={points[e.a]!.x} y1={points[e.a]!.y} x2={points[e.b]!.x} y2={points[e.b]!.y} class="edge" stroke-width={1 + (3 * e.n) / maxEdge} stroke-opacity={0.35 + (0.5 * e.n) / maxEdge}>
          <title>{`${nodes[e.a]!.name} – ${nodes[e.b]!.name}: ${plural(e.n, 'article')}`}</title>
        </line>
      ))}
      {nodes.map((n, i) => {
        const p = points[i]!;
        const right = Math.cos(p.angle) >= -0.01;
        const lx = p.x + Math.cos(p.angle) * 12;
        const ly = p.y + Math.sin(p.angle) * 12 + 4;
        return (
          <g key={n.name} class={`node type-${n.type}`}>
            <circle cx={p.x} cy={p.y} r={4 + (6 * n.articles) / maxArticles}>
              <title>{`${n.name} (${n.type}), ${plural(n.articles, 'article')}`}</title>
            </circle>
            <text x={lx} y={ly} text-anchor={Math.abs(Math.cos(p.angle)) < 0.3 ? 'middle' : right ? 'start' : 'end'}>
              {n.name.length > 18 ? `${n.name.slice(0, 17)}…` : n.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function Entities({ entities, articles }: { entities: StoryEntity[]; articles: ArticleRef[] }) {
  const graph = useCooccurrence(entities, articles);
  if (entities.length === 0) return <p class="empty">No entities found.</p>;
  const max = Math.max(1, ...entities.map((e) => e.articles));
  return (
    <div class="entities-layout">
      <ul class="entity-list">
        {entities.map((e) => (
          <li key={e.name}>
            <a href={`/?entity=${encodeURIComponent(e.name)}`} class={`entity-name type-${e.type}`}>
              {e.name}
            </a>{' '}
            <span class="badge">{e.type}</span>
            <span class="bar-row">
              <svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
                <rect x="0" y="0" height="6" width={(100 * e.articles) / max} />
              </svg>
              <span class="muted">{plural(e.articles, 'article')}</span>
            </span>
          </li>
        ))}
      </ul>
      {entities.length < 2 ? null : (
        <figure class="graph-figure">
          {graph ? <GraphSvg graph={graph} /> : <p class="status">Reading articles for the graph…</p>}
          <figcaption class="muted">
            Linked when mentioned in the same article{graph ? ` (${plural(graph.sampled, 'article')} read${articles.length > GRAPH_SAMPLE ? ` of ${articles.length}` : ''})` : ''}.
          </figcaption>
        </figure>
      )}
    </div>
  );
}

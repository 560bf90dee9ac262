import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl, InputError, isPublicAddress, readInputs, type FetchOptions } from '../../src/ingest/index.js';
import { collect, failure, startServer, type TestServer } from './helpers.js';

let server: TestServer;

/** Test DNS: every *.test name points at the loopback server; nothing reaches a real resolver. */
const resolveHost = async (hostname: string): Promise<string[]> => {
  if (hostname === 'dual.test') return ['93.184.216.34', '127.0.0.1'];
  if (hostname.endsWith('.test')) return ['127.0.0.1'];
  throw Object.assign(new Error(`no test record for ${hostname}`), { code: 'ENOTFOUND' });
};

/** news.test stands in for a public site: trusted by name so the first hop may reach loopback. */
const publicSite: FetchOptions = { allowHosts: ['news.test'], resolveHost, timeoutMs: 2000 };

beforeAll(async () => {
  server = await startServer();
  server.route('/secret', (_req, res) => {
    res.end('internal admin page');
  });
  const redirectTo = (location: () => string) => (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(302, { location: location() });
    res.end();
  };
  server.route('/to-literal', redirectTo(() => `http://127.0.0.1:${server.port}/secret`));
  server.route('/to-name', redirectTo(() => `http://intranet.test:${server.port}/secret`));
  server.route('/to-mapped', redirectTo(() => `http://[::ffff:127.0.0.1]:${server.port}/secret`));
  server.route('/to-metadata', redirectTo(() => 'http://169.254.169.254/latest/meta-data/'));
  server.route('/story', (_req, res) => {
    res.end('public story');
  });
});

afterAll(async () => {
  await server.close();
});

interface Refusal {
  error: InputError;
  /** Paths the server saw during this one fetch. */
  hits: string[];
}

async function refusal(url: string, options: FetchOptions = { timeoutMs: 2000 }): Promise<Refusal> {
  const before = server.hits.length;
  const error = await fetchUrl(url, options).then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof InputError)) throw new Error(`expected a refusal, got ${String(error)}`);
  expect(error.code).toBe('private-address');
  return { error, hits: server.hits.slice(before) };
}

describe('SSRF guard', () => {
  it('refuses loopback by literal IPv4 without sending a request', async () => {
    const { error, hits } = await refusal(`${server.origin}/secret`);
    expect(hits).toEqual([]);
    expect(error.message).toBe(
      `${server.origin}/secret: refusing non-public address 127.0.0.1 (private networks must be allowed explicitly)`,
    );
    expect(server.hits).not.toContain('/secret');
  });

  it('refuses localhost through the system resolver', async () => {
    const { error, hits } = await refusal(`http://localhost:${server.port}/secret`);
    expect(error.message).toContain('localhost (');
    expect(hits).toEqual([]);
  });

  it('refuses IPv6 loopback, private, metadata and mapped addresses', async () => {
    await refusal(`http://[::1]:${server.port}/`);
    await refusal('http://[::1]/');
    await refusal('http://10.0.0.1/');
    await refusal('http://169.254.169.254/latest/meta-data/');
    await refusal(`http://[::ffff:127.0.0.1]:${server.port}/secret`);
    await refusal('http://0.0.0.0/');
    await refusal('http://2130706433/'); // 127.0.0.1 spelled as one decimal number
    await refusal('http://[fd00::1]/');
    await refusal('http://100.64.0.1/');
    expect(server.hits).toEqual([]);
  });

  it('refuses a name whose addresses include any private one', async () => {
    const { hits } = await refusal(`http://dual.test:${server.port}/secret`, { resolveHost, timeoutMs: 2000 });
    expect(hits).toEqual([]);
  });

  it('lets a trusted host through, so the redirect tests below are meaningful', async () => {
    const result = await fetchUrl(`http://news.test:${server.port}/story`, publicSite);
    expect(Buffer.from(result.bytes).toString()).toBe('public story');
  });

  it('refuses a redirect to a private address, literal or by name, before requesting it', async () => {
    for (const path of ['/to-literal', '/to-name', '/to-mapped', '/to-metadata']) {
      const { error, hits } = await refusal(`http://news.test:${server.port}${path}`, publicSite);
      expect(error.source).toBe(`http://news.test:${server.port}${path}`);
      expect(hits).toEqual([path]);
    }
    expect(server.hits).not.toContain('/secret');
  });

  it('is bypassed entirely by allowPrivate', async () => {
    const result = await fetchUrl(`${server.origin}/story`, { allowPrivate: true });
    expect(Buffer.from(result.bytes).toString()).toBe('public story');
  });

  it('applies to readInputs by default', async () => {
    const [item] = await collect(readInputs([`${server.origin}/secret`], { timeoutMs: 2000 }));
    expect(failure(item).code).toBe('private-address');
  });
});

describe('isPublicAddress', () => {
  it.each([
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['::', false],
    ['::1', false],
    ['fe80::1', false],
    ['fc00::1', false],
    ['ff02::1', false],
    ['::ffff:10.0.0.1', false],
    ['2002:7f00:1::', false],
    ['not an ip', false],
    ['93.184.216.34', true],
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['::ffff:8.8.8.8', true],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

/**
 * The shared ingest queue (`newsprism add --queue` + `newsprism worker` on PostgreSQL): how much
 * waits in each stage, how fast pages are linked, and the dead-letter list — jobs that failed all
 * their retries, each with its source and reason — with a way to put them back in line. Refreshed
 * every few seconds while open.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiUrl, getJson, postJson } from '../api';
import { ErrorBox, Loading, PageTitle } from '../components/common';
import { formatDate, plural } from '../format';
import type { DeadLetter, QueueAnswer } from '../types';

const REFRESH_MS = 5000;

function useQueue(): { answer: QueueAnswer | null; error: Error | null; reload: () => void } {
  const [answer, setAnswer] = useState<QueueAnswer | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    getJson<QueueAnswer>(apiUrl('queue'), controller.signal).then(
      (data) => {
        setAnswer(data);
        setError(null);
      },
      (e: Error) => e.name !== 'AbortError' && setError(e),
    );
    const timer = window.setTimeout(() => setTick((t) => t + 1), REFRESH_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [tick]);
  return { answer, error, reload: () => setTick((t) => t + 1) };
}

/** A table's column headings; `hidden` names a last column for screen readers only. */
function Head({ columns, hidden }: { columns: string[]; hidden?: string }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
        {hidden ? (
          <th scope="col">
            <span class="visually-hidden">{hidden}</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}

function DeadLetters({ letters, onRetried }: { letters: DeadLetter[]; onRetried: () => void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const retry = async (ids: string[] | null) => {
    setBusy(true);
    try {
      const { retried } = await postJson<{ retried: number }>('/api/queue/retry', ids ? { ids } : {});
      setMessage(`${plural(retried, 'job')} put back in line.`);
      onRetried();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : 'The retry failed.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="dead-title">
      <h2 id="dead-title">Dead letters</h2>
      {message ? (
        <p role="status" class="status">
          {message}
        </p>
      ) : null}
      {letters.length === 0 ? (
        <p class="muted">No job has failed all its retries.</p>
      ) : (
        <>
          <p>
            <button type="button" class="button" disabled={busy} onClick={() => retry(null)}>
              Retry all {letters.length}
            </button>
          </p>
          <div class="table-wrap">
            <table>
              <Head columns={['Source', 'Stage', 'Reason', 'Attempts', 'Failed']} hidden="Action" />
              <tbody>
                {letters.map((letter) => (
                  <tr key={letter.id}>
                    <td class="wrap">{letter.source}</td>
                    <td>{letter.queue}</td>
                    <td class="wrap">{letter.reason}</td>
                    <td>{letter.attempts}</td>
                    <td>{letter.failedAt ? formatDate(letter.failedAt) : '—'}</td>
                    <td>
                      <button type="button" class="button" disabled={busy} onClick={() => retry([letter.id])} aria-label={`Retry ${letter.source}`}>
                        Retry
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export function QueuePage() {
  const { answer, error, reload } = useQueue();
  return (
    <>
      <PageTitle title="Queue">Ingest queue</PageTitle>
      {error ? <ErrorBox error={error} what="the queue" /> : null}
      {!answer && !error ? <Loading what="the queue" /> : null}
      {answer && !answer.available ? <p class="muted">{answer.reason}</p> : null}
      {answer?.available ? (
        <>
          <section class="panel" aria-labelledby="depth-title">
            <h2 id="depth-title">Stages</h2>
            <p>
              {answer.pages.linked.toLocaleString('en')} pages linked · {answer.throughput.lastMinute.toFixed(1)} pages/s over the last minute,{' '}
              {answer.throughput.last5Minutes.toFixed(1)} over five · oldest waiting job:{' '}
              {answer.oldestWaitingSeconds === null ? 'none waiting' : `${Math.round(answer.oldestWaitingSeconds)} s`}
            </p>
            <div class="table-wrap">
              <table>
                <Head columns={['Stage', 'Queued', 'Active', 'Retrying', 'Failed', 'Done']} />
                <tbody>
                  {answer.queues.map((q) => (
                    <tr key={q.name}>
                      <th scope="row">{q.name}</th>
                      <td>{q.queued}</td>
                      <td>{q.active}</td>
                      <td>{q.retry}</td>
                      <td>{q.failed}</td>
                      <td>{q.completed}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p class="muted">
              Inputs: {answer.inputs.pending} pending, {answer.inputs.done} done, {answer.inputs.failed} failed · pages: {answer.pages.waiting} waiting,{' '}
              {answer.pages.prepared} prepared, {answer.pages.failed} failed.
            </p>
          </section>
          <DeadLetters letters={answer.deadLetters} onRetried={reload} />
        </>
      ) : null}
    </>
  );
}

// Many runs in one process: every result and event count right, no crosstalk, no leaks.
import { readdirSync, readFileSync } from 'node:fs';
import t from 'tap';
import { executeLocalStreaming, type ModuleEvent } from '../../lib/index.js';
import { fixture } from '../helpers/cli.js';

function countOpenFiles(): number {
  return readdirSync('/proc/self/fd').length;
}

function listChildren(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.split(') ')[1]?.split(' ')[1]) === process.pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

t.test('100 runs at once with Promise.all keep their events and results apart', async (t) => {
  const filesBefore = countOpenFiles();
  const ids = Array.from({ length: 100 }, (_, index) => `run-${index}`);
  const heard = new Map<string, ModuleEvent[]>(ids.map((id) => [id, []]));
  const results = await Promise.all(
    ids.map((id, index) =>
      executeLocalStreaming(
        fixture('tagged.py'),
        { id, count: 20 + index },
        { eventCallback: (event) => heard.get(id)?.push(event) },
      ),
    ),
  );

  ids.forEach((id, index) => {
    const result = results[index];
    const events = heard.get(id) ?? [];
    t.equal(result?.status, 'ok', `${id} ok`);
    t.equal(result?.output?.id, id, `${id} got its own result`);
    t.equal(result?.eventCount, 20 + index, `${id} counted its own events`);
    t.equal(events.length, 20 + index, `${id} heard its own events`);
    t.ok(
      events.every((event) => event.task_id === id),
      `${id} heard no other run's events`,
    );
    t.same(
      events.map((event) => event.current),
      Array.from({ length: 20 + index }, (_, step) => step + 1),
      `${id} heard them in order`,
    );
  });
  t.same(listChildren(), [], 'no child process is left');
  t.equal(countOpenFiles(), filesBefore, 'no file handle is left open');
});

// 4. Three modules at once, each with its own progress line, through makeCallback.
import { EventProgressDisplay, executeLocalStreaming } from 'ftl2';
import { demoModule } from './demo-modules.js';

const tasks = [
  { id: 'db', name: 'database backup', duration: 1.5 },
  { id: 'web', name: 'web assets', duration: 1.0 },
  { id: 'logs', name: 'log rotation', duration: 2.0 },
];

using display = new EventProgressDisplay();
display.start();
const results = await Promise.all(
  tasks.map((task) =>
    executeLocalStreaming(
      demoModule('multi_task'),
      { task_id: task.id, task_name: task.name, duration: task.duration },
      { eventCallback: display.makeCallback(task.id) },
    ),
  ),
);
display.stop();
for (const [index, result] of results.entries()) {
  console.log(`${tasks[index]?.id}: ${result.status}, changed: ${result.changed}`);
}

process.exitCode = results.every((result) => result.success) ? 0 : 1;

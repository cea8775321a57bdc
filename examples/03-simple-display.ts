// 3. The simple display: no animation, a line per 10% step, `[LEVEL] message` for logs.
import { executeLocalStreaming, SimpleEventDisplay } from 'ftl2';
import { demoModule } from './demo-modules.js';

const display = new SimpleEventDisplay({ verbose: true });
const result = await executeLocalStreaming(
  demoModule('logged_progress'),
  { steps: 5, delay: 0.05 },
  { eventCallback: (event) => display.handleEvent(event) },
);
console.log(`${result.status}: ${result.eventCount} events`);
process.exitCode = result.success ? 0 : 1;

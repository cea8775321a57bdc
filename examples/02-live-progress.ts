// 2. The live progress view: a spinner, a bar, sizes and the elapsed time on a terminal;
// plain lines when the output is a pipe or a CI log.
import { EventProgressDisplay, executeLocalStreaming } from 'ftl2';
import { demoModule } from './demo-modules.js';

const MEBIBYTE = 1024 * 1024;

// `using` stops the display (and shows the cursor) however this block is left.
using display = new EventProgressDisplay();
display.start();
const result = await executeLocalStreaming(
  demoModule('chunked_copy'),
  { size: 24 * MEBIBYTE, chunk_size: MEBIBYTE, delay: 0.05 },
  { eventCallback: (event) => display.handleEvent(event) },
);
display.stop();
console.log(`${result.status}: ${String(result.output?.msg)}`);
process.exitCode = result.success ? 0 : 1;

// 5. No callback: read the events from the result once the run is over.
import { executeLocalStreaming, isLogEvent, isProgressEvent } from 'ftl2';
import { demoModule } from './demo-modules.js';

const result = await executeLocalStreaming(demoModule('logged_progress'), { delay: 0.02 });
const progress = result.events.filter(isProgressEvent);
const warnings = result.events.filter((event) => isLogEvent(event) && event.level === 'warning');
console.log(`${result.events.length} events kept`);
console.log(`progress: ${progress.map((event) => `${event.percent}%`).join(' ')}`);
console.log(`warnings: ${warnings.map((event) => String(event.message)).join('; ')}`);
process.exitCode = result.success ? 0 : 1;

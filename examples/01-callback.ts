// 1. The callback pattern: hear each event the moment the module sends it.
import { executeLocalStreaming, isLogEvent, isProgressEvent, type ModuleEvent } from 'ftl2';
import { demoModule } from './demo-modules.js';

function printEvent(event: ModuleEvent): void {
  if (isProgressEvent(event)) {
    console.log(`progress ${event.percent ?? '?'}%: ${event.message ?? ''}`);
    return;
  }

  if (isLogEvent(event)) console.log(`log ${event.level ?? 'info'}: ${event.message ?? ''}`);
}

const result = await executeLocalStreaming(
  demoModule('step_counter'),
  { steps: 5, delay: 0.1 },
  { eventCallback: printEvent },
);
console.log(`${result.status} in ${result.durationMs} ms: ${String(result.output?.msg)}`);
process.exitCode = result.success ? 0 : 1;

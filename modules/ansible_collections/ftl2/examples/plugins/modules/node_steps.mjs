#!/usr/bin/env node
// Counts `steps` steps, reporting progress, logs and data through ftl2/module.
import { emitData, emitLog, emitProgress, exitJson, failJson, readArgs } from 'ftl2/module';

const args = readArgs();
const steps = args.steps ?? 3;
const delay = args.delay ?? 0.1;
if (!Number.isInteger(steps) || steps < 1) failJson(`steps must be a whole number of 1 or more`);

emitLog(`counting ${steps} steps in node`);
for (let step = 0; step <= steps; step++) {
  emitProgress({ current: step, total: steps, message: `step ${step} of ${steps}` });
  if (step < steps) await new Promise((resolve) => setTimeout(resolve, delay * 1000));
}

emitData(`counted ${steps} steps\n`);
exitJson({ steps });

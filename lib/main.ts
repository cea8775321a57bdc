// The entry point of the bundled command line (bin/ftl2 starts it).
import { main } from './cli.js';

void main();

// What the environment of a module holds, whatever bin/ftl2 does to start fast.
import t from 'tap';
import { fixture, runFtl2 } from '../helpers/cli.js';
import { checkStream, resultOf } from '../helpers/stream.js';

for (const value of ['/etc/ssl/certs/extra.pem', '', undefined]) {
  t.test(
    `a module sees NODE_EXTRA_CA_CERTS as the user set it (${JSON.stringify(value)})`,
    async (t) => {
      const run = await runFtl2(['exec', fixture('report_ca_env.sh'), '--json'], {
        env: { NODE_EXTRA_CA_CERTS: value },
      });
      t.equal(run.code, 0);
      t.same(resultOf(checkStream(t, run.stdout)).output, {
        changed: false,
        node_extra_ca_certs: value ?? null,
        saved_copy_leaked: false,
      });
    },
  );
}

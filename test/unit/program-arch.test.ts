// Which compiled modules were built for another machine, read from the ELF header alone.
import t from 'tap';
import { findForeignMachine } from '../../lib/program-arch.js';

/** A 64-bit ELF header with its byte order, and e_machine at offset 18. */
function elfHeader(machine: number, bigEndian = false): Buffer {
  const header = Buffer.alloc(64);
  header.write('\x7fELF', 0, 'latin1');
  header[4] = 2;
  header[5] = bigEndian ? 2 : 1;
  if (bigEndian) header.writeUInt16BE(machine, 18);
  else header.writeUInt16LE(machine, 18);
  return header;
}

t.test('a program for another machine is named, with this one', async (t) => {
  t.same(findForeignMachine(elfHeader(183), 'x64', 'linux'), {
    machine: 'aarch64',
    host: 'x86_64',
  });
  t.same(findForeignMachine(elfHeader(62), 'arm64', 'linux'), {
    machine: 'x86_64',
    host: 'aarch64',
  });
});

t.test('a big-endian header is read in its own byte order', async (t) => {
  t.same(findForeignMachine(elfHeader(22, true), 'x64', 'linux'), {
    machine: 's390x',
    host: 'x86_64',
  });
  t.equal(findForeignMachine(elfHeader(22, true), 's390x', 'linux'), undefined);
});

t.test('a machine with no name here is given by number', async (t) => {
  t.same(findForeignMachine(elfHeader(9999), 'x64', 'linux')?.machine, 'ELF machine 9999');
});

t.test('what the machine runs natively is not foreign', async (t) => {
  t.equal(findForeignMachine(elfHeader(62), 'x64', 'linux'), undefined);
  t.equal(findForeignMachine(elfHeader(3), 'x64', 'linux'), undefined, 'i386 on x86_64');
  t.equal(findForeignMachine(elfHeader(40), 'arm64', 'linux'), undefined, 'arm on aarch64');
});

t.test('where ftl2 cannot tell, it lets the system decide', async (t) => {
  t.equal(findForeignMachine(elfHeader(183), 'x64', 'darwin'), undefined, 'not Linux');
  t.equal(findForeignMachine(elfHeader(183), 'wasm', 'linux'), undefined, 'an unknown arch');
  t.equal(findForeignMachine(elfHeader(183).subarray(0, 19), 'x64', 'linux'), undefined);
  t.equal(findForeignMachine(Buffer.from('#!/bin/sh\necho hi\n'), 'x64', 'linux'), undefined);
});

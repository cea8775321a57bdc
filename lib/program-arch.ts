// Whether a compiled module was built for another machine. Linux refuses such an ELF with
// ENOEXEC, and execvp then hands the file to /bin/sh, which prints nonsense about its bytes;
// ftl2 says what is wrong instead, unless an emulator is registered that could run it.
// ELF header: https://refspecs.linuxfoundation.org/elf/gabi4+/ch4.eheader.html
import { readdirSync, readFileSync } from 'node:fs';

/** ELF `e_machine` values by name, for the machines Node runs on. */
const MACHINES: Record<number, string> = {
  2: 'sparc',
  3: 'i386',
  8: 'mips',
  20: 'ppc',
  21: 'ppc64',
  22: 's390x',
  40: 'arm',
  43: 'sparc64',
  62: 'x86_64',
  183: 'aarch64',
  243: 'riscv',
  258: 'loongarch',
};

/** What each Node `process.arch` runs natively: its own machine, and a 32-bit sibling. */
const NATIVE: Record<string, number[]> = {
  x64: [62, 3],
  ia32: [3],
  arm64: [183, 40],
  arm: [40],
  riscv64: [243],
  ppc64: [21],
  ppc: [20],
  s390x: [22],
  loong64: [258],
  mips: [8],
  mipsel: [8],
};

const BINFMT = '/proc/sys/fs/binfmt_misc';

/**
 * The machine `bytes`, an ELF file, was built for, when this one does not run it natively,
 * with this one's name. Undefined when it does, or when ftl2 cannot tell.
 */
export function findForeignMachine(
  bytes: Buffer,
  arch: string = process.arch,
  platform: string = process.platform,
): { machine: string; host: string } | undefined {
  const native = NATIVE[arch];
  if (platform !== 'linux' || native === undefined || bytes.length < 20) return undefined;
  if (bytes.readUInt32BE(0) !== 0x7f454c46) return undefined;

  // e_machine follows the 16 bytes of e_ident and the 2 of e_type, in the file's byte order.
  const machine = bytes[5] === 2 ? bytes.readUInt16BE(18) : bytes.readUInt16LE(18);
  if (native.includes(machine)) return undefined;

  const host = MACHINES[native[0] as number] ?? arch;
  return { machine: MACHINES[machine] ?? `ELF machine ${machine}`, host };
}

// A registered handler (such as qemu-user's) names its magic in hex; an ELF one starts 7f454c46.
/** Whether binfmt_misc has a handler for ELF files, such as qemu-user, that may run them. */
export function hasElfEmulator(): boolean {
  try {
    if (!readFileSync(`${BINFMT}/status`, 'utf8').startsWith('enabled')) return false;

    return readdirSync(BINFMT)
      .filter((name) => name !== 'status' && name !== 'register')
      .some((name) => {
        const entry = readFileSync(`${BINFMT}/${name}`, 'utf8');
        return entry.startsWith('enabled') && /^magic 7f454c46/m.test(entry);
      });
  } catch {
    return false;
  }
}

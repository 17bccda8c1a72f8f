/**
 * Hostile archives for the zip reader's tests (test/xlsx/zip-package.test.ts) and the page's
 * (test/e2e/zip-bomb.e2e.ts): a zip of one entry written by hand, so that its declared size can be
 * anything, and 1 GB of zeros deflated to about 1 MB.
 */
import { crc32, deflateRawSync, constants as zlibConstants } from 'node:zlib';

const MB = 1024 * 1024;

/** A zip of one entry, written by hand so that its declared size can be anything. */
export function zipOfOne(name: string, data: Uint8Array, crc: number, size: number, declaredSize = size): Uint8Array {
  const fileName = Buffer.from(name, 'utf8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(fileName.length, 28);
  central.writeUInt32LE(0, 42);
  const dirOffset = local.length + fileName.length + data.length;
  const dirSize = central.length + fileName.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(dirOffset, 16);
  return new Uint8Array(Buffer.concat([local, fileName, data, central, fileName, end]));
}

/**
 * 1 GB of zeros as raw deflate, about 1 MB: one megabyte compressed with a full flush (so every
 * copy starts from an empty history) repeated 1,024 times, then an empty final block.
 */
export function gigabyteOfZeros(): { data: Uint8Array; crc: number; size: number } {
  const zeros = Buffer.alloc(MB);
  const block = deflateRawSync(zeros, { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH });
  const copies = 1024;
  let crc = 0;
  for (let i = 0; i < copies; i++) crc = crc32(zeros, crc);
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return { data: new Uint8Array(Buffer.concat([...Array.from({ length: copies }, () => block), finalEmptyBlock])), crc, size: copies * MB };
}

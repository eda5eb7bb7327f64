import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

/** One file in a zip: its path inside the archive (forward slashes) and its bytes. */
export interface ZipEntry {
	name: string;
	data: Uint8Array;
}

/** A DOS date and time (the zip format's own), in UTC so the bytes do not depend on the machine's zone. */
function dosDateTime(epochSeconds: number): { date: number; time: number } {
	const d = new Date(Math.max(epochSeconds, 315532800) * 1000); // the format starts in 1980
	return {
		date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
		time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
	};
}

/**
 * A reproducible zip: entries sorted by name, every timestamp set to
 * `epochSeconds` (SOURCE_DATE_EPOCH), no extra fields, fixed permissions. The
 * same files give the same bytes on any machine and in any directory order.
 */
export function writeZip(entries: ZipEntry[], epochSeconds: number): Buffer {
	const { date, time } = dosDateTime(epochSeconds);
	const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of sorted) {
		const name = Buffer.from(entry.name, "utf8");
		const deflated = deflateRawSync(entry.data, { level: 9 });
		const stored = deflated.length >= entry.data.length;
		const body = stored ? Buffer.from(entry.data) : deflated;
		const crc = crc32(entry.data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4); // version needed
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(stored ? 0 : 8, 8);
		local.writeUInt16LE(time, 10);
		local.writeUInt16LE(date, 12);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(body.length, 18);
		local.writeUInt32LE(entry.data.length, 22);
		local.writeUInt16LE(name.length, 26);
		local.writeUInt16LE(0, 28);
		locals.push(local, name, body);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, spec 2.0
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(stored ? 0 : 8, 10);
		central.writeUInt16LE(time, 12);
		central.writeUInt16LE(date, 14);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(body.length, 20);
		central.writeUInt32LE(entry.data.length, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
		central.writeUInt32LE(offset, 42);
		centrals.push(central, name);
		offset += 30 + name.length + body.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(sorted.length, 8);
	end.writeUInt16LE(sorted.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

/** Read every file of a zip (stored or deflated entries, as web-ext and writeZip make them). */
export function readZip(zip: Buffer): ZipEntry[] {
	const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	if (endAt < 0) throw new Error("Not a zip file: no end of central directory");
	const count = zip.readUInt16LE(endAt + 10);
	let at = zip.readUInt32LE(endAt + 16);
	const entries: ZipEntry[] = [];
	for (let i = 0; i < count; i++) {
		if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error("Broken zip central directory");
		const method = zip.readUInt16LE(at + 10);
		const size = zip.readUInt32LE(at + 20);
		const nameLength = zip.readUInt16LE(at + 28);
		const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
		const localAt = zip.readUInt32LE(at + 42);
		const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
		at += 46 + nameLength + extra;
		if (name.endsWith("/")) continue;
		const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
		const body = zip.subarray(dataAt, dataAt + size);
		if (method !== 0 && method !== 8) throw new Error(`Unsupported zip method ${method} for ${name}`);
		entries.push({ name, data: method === 8 ? inflateRawSync(body) : Buffer.from(body) });
	}
	return entries;
}

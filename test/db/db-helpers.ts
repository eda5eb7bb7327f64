import { openDatabase } from "../../src/db/open.ts";

let n = 0;

/** A brand-new database for one test (fake-indexeddb keeps them apart by name). */
export function freshDb(version?: number) {
	n += 1;
	return openDatabase(`test-${n}-${Math.random()}`, version);
}

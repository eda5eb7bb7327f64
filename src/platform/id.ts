/** A fresh random id for a new record. */
export function newId(): string {
	return crypto.randomUUID();
}

import { useEffect, useState } from "preact/hooks";
import type { OptionsDeps } from "./deps.ts";

/** "Archive kept by the browser: yes/no", with a button to ask the browser again. */
export function PersistStatus(props: { deps: Pick<OptionsDeps, "storagePersisted" | "requestPersistence"> }) {
	const { deps } = props;
	const [kept, setKept] = useState<boolean>();
	const [asked, setAsked] = useState(false);
	useEffect(() => {
		deps.storagePersisted().then(setKept, () => setKept(false));
	}, [deps]);
	const ask = async () => {
		setKept(await deps.requestPersistence().catch(() => false));
		setAsked(true);
	};
	return (
		<section aria-labelledby="storage-heading">
			<h2 id="storage-heading">Storage</h2>
			<p role="status">
				Archive kept by the browser: {kept === undefined ? "…" : kept ? "yes" : "no"}
				{kept === false &&
					(asked
						? ". The browser declined; it may delete the archive when the disk runs low, so download a backup now and then."
						: ". The browser may delete it when the disk runs low.")}
			</p>
			{kept === false && (
				<button type="button" onClick={ask}>
					Ask the browser to keep it
				</button>
			)}
		</section>
	);
}

import { render, screen, waitFor } from "@testing-library/preact";
import { useState } from "preact/hooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useDeferred } from "../../options/use-deferred.ts";

function Probe({ value }: { value: string }) {
	const shown = useDeferred(value, true);
	return <p>shown: {shown}</p>;
}

function Changing() {
	const [value, setValue] = useState("first");
	return (
		<>
			<Probe value={value} />
			<button type="button" onClick={() => setValue("second")}>
				change
			</button>
		</>
	);
}

describe("a value that follows one frame late (the export beside a moved card)", () => {
	afterEach(() => vi.unstubAllGlobals());

	it("arrives even when the page gets no animation frames (a background tab)", async () => {
		// A browser calls no requestAnimationFrame callback while the tab is hidden.
		vi.stubGlobal("requestAnimationFrame", () => 1);
		vi.stubGlobal("cancelAnimationFrame", () => {});
		render(<Changing />);
		expect(screen.getByText("shown: first")).toBeTruthy();
		screen.getByRole("button", { name: "change" }).click();
		await waitFor(() => expect(screen.getByText("shown: second")).toBeTruthy(), { timeout: 1000 });
	});

	it("arrives after the next frame when there is one", async () => {
		const frames: (() => void)[] = [];
		vi.stubGlobal("requestAnimationFrame", (cb: () => void) => frames.push(cb));
		vi.stubGlobal("cancelAnimationFrame", () => {});
		render(<Changing />);
		screen.getByRole("button", { name: "change" }).click();
		await waitFor(() => expect(frames.length).toBeGreaterThan(0));
		expect(screen.getByText("shown: first")).toBeTruthy();
		for (const frame of frames.splice(0)) frame();
		await waitFor(() => expect(screen.getByText("shown: second")).toBeTruthy(), { timeout: 60 });
	});
});

import { useMemo, useRef } from "preact/hooks";
import type { Capture, Section } from "../src/core/capture.ts";
import type { CapturePlace } from "../src/core/sections.ts";

/** Where the keyboard, a menu or a drop asks a capture to go. */
export type MoveRequest =
	| { kind: "by"; by: -1 | 1 }
	| { kind: "top" }
	| { kind: "bottom" }
	| { kind: "across"; by: -1 | 1 }
	| { kind: "section"; section: string }
	| { kind: "place"; place: CapturePlace };

/** What a card can ask of the page. Stable across renders, so a memoised card re-renders only when its capture does. */
export interface CardActions {
	move(capture: Capture, request: MoveRequest): void;
	remove(capture: Capture): void;
	toggleHold(capture: Capture): void;
	/** An edit landed: the capture before and after, for Undo. */
	edited(before: Capture, after: Capture): void;
	/** Something was written by the card's editor: show what is stored. */
	changed(): void;
	/** Tags and groups used before, read when an editor opens (not on every render). */
	suggestions(): { tags: readonly string[]; groups: readonly string[] };
	/** The sections a capture can be sent to, in the draft's order. */
	sections(): readonly Section[];
}

/** An object whose methods always call the latest `actions`, yet keeps one identity for the page's life. */
export function useStableActions<T extends object>(actions: T): T {
	const latest = useRef(actions);
	latest.current = actions;
	return useMemo(
		() =>
			new Proxy({} as T, {
				get:
					(_target, key) =>
					(...args: unknown[]) =>
						(latest.current[key as keyof T] as (...a: unknown[]) => unknown)(...args),
			}),
		[],
	);
}

/** The element id of a capture's card, for focus and drops. */
export const cardId = (captureId: string) => `card-${captureId}`;
/** The element id of a section's heading in the draft. */
export const sectionHeadingId = (sectionId: string) => `section-${sectionId || "unsorted"}`;

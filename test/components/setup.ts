import { cleanup } from "@testing-library/preact";
import { afterAll, afterEach } from "vitest";

afterEach(() => cleanup());

// Preact runs effects after paint: requestAnimationFrame, with a 100 ms timer as the fallback.
// A timer still pending when the file's jsdom is torn down would call a cancelAnimationFrame
// that no longer exists; let them fire while the environment is still there.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 150)));

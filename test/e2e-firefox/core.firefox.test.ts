import { startFirefox } from "../e2e/browsers/firefox.ts";
import { describeCoreFlows } from "../e2e/flows/core-flows.ts";

describeCoreFlows("Firefox", () => startFirefox(), "about:robots");

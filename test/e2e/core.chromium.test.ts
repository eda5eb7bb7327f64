import { startChromium } from "./browsers/chromium.ts";
import { describeCoreFlows } from "./flows/core-flows.ts";

describeCoreFlows("Chromium", startChromium, "chrome://version/");

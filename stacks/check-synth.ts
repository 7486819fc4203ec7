/**
 * `npm run check:synth [committed dir]`: fails when the committed synth output of this app is stale
 * (see `checkSynth` in src/app/check-synth.ts).
 */
import "./no-source-maps";
import { checkSynthMain } from "../src/app/check-synth";
import { config, fleetFiles } from "./config";

checkSynthMain(config, fleetFiles);

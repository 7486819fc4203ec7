/**
 * The app `cdktf.json` runs: the sources of `config.ts` plus those of its fleet files (and of the
 * comma-separated paths in CLICKPIPES_FLEET), one stack (or stack pair) each.
 */
import "./no-source-maps";
import { fleetFileList, runApp } from "../src/app/app";
import { config, fleetFiles } from "./config";

runApp(config, fleetFileList(fleetFiles));

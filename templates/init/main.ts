/**
 * The app `cdktf.json` runs: the sources of `config.ts` plus those of its fleet files (and of the
 * comma-separated paths in CLICKPIPES_FLEET), one stack each (Aurora/RDS: a pair).
 */
import { fleetFileList, runApp } from "cdktf-clickpipes-postgres";
import { config, fleetFiles } from "./config";

runApp(config, fleetFileList(fleetFiles));

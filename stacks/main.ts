/** The app `cdktf.json` runs: the example sources of `config.ts`, one stack each. */
import { runApp } from "./app";
import { config } from "./config";

runApp(config);

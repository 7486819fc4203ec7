import { CDC_CPU_MILLICORES_MAX, CDC_CPU_MILLICORES_MIN, CDC_CPU_MILLICORES_STEP, CDC_MEMORY_GB_PER_CORE, ClickPipeRuleInput } from "../../clickpipe";
import { Rule, RuleFinding } from "../../validation";

/** CDC infrastructure: CPU a multiple of 1000 from 1000 to 24000 millicores, memory 4 GiB per core. */
export const cdcSizingRule: Rule<ClickPipeRuleInput> = {
  id: "clickpipe-cdc-sizing",
  summary: "cdcInfrastructure.cpuMillicores is a multiple of 1000 from 1000 to 24000 and memoryGb is 4 x the cores",
  check: (i) => {
    const out: RuleFinding[] = [];
    const s = i.pipe.cdcInfrastructure;
    if (s === undefined) return out;
    const cpu = s.cpuMillicores;
    const cpuOk = Number.isInteger(cpu) && cpu >= CDC_CPU_MILLICORES_MIN && cpu <= CDC_CPU_MILLICORES_MAX && cpu % CDC_CPU_MILLICORES_STEP === 0;
    if (!cpuOk) {
      out.push({
        field: "clickpipe.cdcInfrastructure.cpuMillicores",
        value: cpu,
        allowed: `a multiple of ${CDC_CPU_MILLICORES_STEP} from ${CDC_CPU_MILLICORES_MIN} to ${CDC_CPU_MILLICORES_MAX}`,
      });
    } else if (s.memoryGb !== undefined) {
      const expected = (cpu / 1000) * CDC_MEMORY_GB_PER_CORE;
      if (s.memoryGb !== expected) {
        out.push({
          field: "clickpipe.cdcInfrastructure.memoryGb",
          value: s.memoryGb,
          allowed: `${expected} (${CDC_MEMORY_GB_PER_CORE} GiB per CPU core: ${cpu} millicores = ${cpu / 1000} cores), or leave it out`,
        });
      }
    }
    return out;
  },
};

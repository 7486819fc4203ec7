import { conflictingParameters, requiredParameters } from "../../aws";
import { AwsEngine, AwsSourceSpec, ParameterApplyMethod } from "../../aws-types";
import { Rule, RuleFinding } from "../../validation";

/** Extra parameters are well-formed, listed once, and never contradict a required parameter. */
export function extraParametersRule(engine: AwsEngine): Rule<AwsSourceSpec> {
  return {
    id: "extra-parameters",
    summary: "parameterGroup.extraParameters have a name and a string value, each name once, none contradicting a required parameter",
    check: (s) => {
      const extra = s.parameterGroup?.extraParameters;
      if (extra === undefined) return [];
      if (!Array.isArray(extra)) return [{ field: "parameterGroup.extraParameters", value: extra, allowed: "a list of { name, value, applyMethod? }" }];
      const out: RuleFinding[] = [];
      const methods = Object.values(ParameterApplyMethod) as string[];
      const names = extra.map((p) => p?.name);
      extra.forEach((p, i) => {
        const f = `parameterGroup.extraParameters[${i}]`;
        if (typeof p?.name !== "string" || !/^[A-Za-z0-9_.]+$/.test(p.name)) out.push({ field: `${f}.name`, value: p?.name, allowed: "a parameter name (letters, digits, '_' and '.')" });
        else if (names.indexOf(p.name) !== i) out.push({ field: `${f}.name`, value: p.name, allowed: "each parameter once (it is listed twice)" });
        if (typeof p?.value !== "string") out.push({ field: `${f}.value`, value: p?.value, allowed: 'a string, as AWS spells the value ("1", not 1)' });
        if (p?.applyMethod !== undefined && !methods.includes(p.applyMethod)) out.push({ field: `${f}.applyMethod`, value: p.applyMethod, allowed: `one of ${methods.join(", ")}` });
      });
      const required = requiredParameters({
        engine,
        walSenderTimeoutMs: s.parameterGroup?.setWalSenderTimeout === false ? undefined : typeof s.parameterGroup?.walSenderTimeoutMs === "number" ? s.parameterGroup.walSenderTimeoutMs : 0,
        iamAuth: s.iamAuth === true,
        maxSlotWalKeepSizeMb: s.serverSettings?.maxSlotWalKeepSizeMb,
      });
      for (const c of conflictingParameters(required, extra)) {
        out.push({
          field: `parameterGroup.extraParameters[${c.index}]`,
          value: `${c.extra.name} = ${c.extra.value}`,
          allowed: `${c.required.name} = ${c.required.value}, which ClickPipes needs (leave it out of extraParameters${c.required.name === "wal_sender_timeout" ? "; set parameterGroup.walSenderTimeoutMs instead" : ""})`,
        });
      }
      return out;
    },
  };
}

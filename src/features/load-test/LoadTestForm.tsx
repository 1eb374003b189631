/** The settings of a load test: model, size, end, ramp-up, timeout and thresholds. */
import type { LoadTestConfig, LoadThresholds } from '../../core/load/config.ts';
import { inputClass, selectClass } from '../../components/ui.tsx';

function NumberField({
  label,
  value,
  onChange,
  scale = 1,
  disabled,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  /** The field shows value / scale (e.g. seconds for a value in ms). */
  scale?: number;
  disabled: boolean;
}) {
  return (
    <label className="flex flex-col gap-1 text-[11px] font-semibold text-slate-600">
      {label}
      <input
        type="number"
        min={0}
        className={inputClass}
        disabled={disabled}
        value={value === undefined ? '' : value / scale}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value) * scale)}
      />
    </label>
  );
}

export function LoadTestForm({
  config,
  onChange,
  disabled,
}: {
  config: LoadTestConfig;
  onChange: (config: LoadTestConfig) => void;
  disabled: boolean;
}) {
  const set = (patch: Partial<LoadTestConfig>) => onChange({ ...config, ...patch });
  const setThreshold = (patch: Partial<LoadThresholds>) => {
    const thresholds = { ...config.thresholds, ...patch };
    for (const key of Object.keys(thresholds) as (keyof LoadThresholds)[])
      if (thresholds[key] === undefined) delete thresholds[key];
    set({ thresholds });
  };
  const whole = (v: number | undefined) => Math.round(v ?? 0);
  return (
    <fieldset className="grid grid-cols-4 gap-2" disabled={disabled}>
      <legend className="sr-only">Load test settings</legend>
      <label className="col-span-2 flex flex-col gap-1 text-[11px] font-semibold text-slate-600">
        Model
        <select
          className={selectClass}
          value={config.model}
          onChange={(e) => set({ model: e.target.value === 'open' ? 'open' : 'closed' })}
        >
          <option value="closed">Virtual users (closed model)</option>
          <option value="open">Target rate (open model)</option>
        </select>
      </label>
      {config.model === 'closed' ? (
        <NumberField
          label="Virtual users"
          value={config.vus}
          onChange={(v) => set({ vus: whole(v) })}
          disabled={disabled}
        />
      ) : (
        <>
          <NumberField
            label="Rate (requests/s)"
            value={config.rate}
            onChange={(v) => set({ rate: v ?? 0 })}
            disabled={disabled}
          />
          <NumberField
            label="Connections"
            value={config.maxConnections}
            onChange={(v) => set({ maxConnections: whole(v) })}
            disabled={disabled}
          />
        </>
      )}
      {config.model === 'closed' && <span />}
      <NumberField
        label="Duration (s)"
        value={config.durationMs}
        scale={1000}
        onChange={(v) => set({ durationMs: whole(v) })}
        disabled={disabled}
      />
      <NumberField
        label="Request count (0 = by duration)"
        value={config.totalRequests}
        onChange={(v) => set({ totalRequests: whole(v) })}
        disabled={disabled}
      />
      <NumberField
        label="Ramp-up (s)"
        value={config.rampUpMs}
        scale={1000}
        onChange={(v) => set({ rampUpMs: whole(v) })}
        disabled={disabled}
      />
      <NumberField
        label="Timeout (ms)"
        value={config.timeoutMs}
        onChange={(v) => set({ timeoutMs: whole(v) })}
        disabled={disabled}
      />
      <NumberField
        label="Threshold: p95 below (ms)"
        value={config.thresholds.p95Ms}
        onChange={(v) => setThreshold({ p95Ms: v })}
        disabled={disabled}
      />
      <NumberField
        label="Threshold: p99 below (ms)"
        value={config.thresholds.p99Ms}
        onChange={(v) => setThreshold({ p99Ms: v })}
        disabled={disabled}
      />
      <NumberField
        label="Threshold: errors below (%)"
        value={config.thresholds.errorRate}
        scale={0.01}
        onChange={(v) => setThreshold({ errorRate: v })}
        disabled={disabled}
      />
    </fieldset>
  );
}

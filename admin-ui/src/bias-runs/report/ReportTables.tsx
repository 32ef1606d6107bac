import {
  Box,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { BIAS_METRICS, PROBE_SETS } from '../../common/enums';
import { formatScore, formatSigned, humanize } from '../../common/format';
import type { BiasReport, Estimate } from '../../types';

export const Interval = ({ estimate, digits = 3 }: { estimate: Estimate; digits?: number }) => (
  <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
    {formatScore(estimate.mean, digits)}{' '}
    <Typography component="span" variant="caption" color="text.secondary">
      [{formatScore(estimate.ciLow, digits)}, {formatScore(estimate.ciHigh, digits)}]
    </Typography>
  </Box>
);

const scroll = { maxHeight: 440 } as const;

/** The largest gap between two groups per probe set, domain and metric, with the interval of the difference. */
export const GapsTable = ({ gaps }: { gaps: BiasReport['gaps'] }) => (
  <TableContainer sx={scroll}>
    <Table size="small" stickyHeader data-testid="gaps-table">
      <TableHead>
        <TableRow>
          <TableCell>Probe set · domain</TableCell>
          <TableCell>Metric</TableCell>
          <TableCell>Highest group</TableCell>
          <TableCell>Lowest group</TableCell>
          <TableCell>Difference [95 % CI]</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {gaps.map((gap) => (
          <TableRow key={`${gap.probeSet}/${gap.domain}/${gap.metric}`}>
            <TableCell>
              {PROBE_SETS[gap.probeSet]?.label ?? gap.probeSet} · {humanize(gap.domain)}
            </TableCell>
            <TableCell>{BIAS_METRICS[gap.metric]?.label ?? gap.metric}</TableCell>
            <TableCell>
              {humanize(gap.high.group)}{' '}
              <Typography component="span" variant="caption" color="text.secondary">
                {formatScore(gap.high.mean)}
              </Typography>
            </TableCell>
            <TableCell>
              {humanize(gap.low.group)}{' '}
              <Typography component="span" variant="caption" color="text.secondary">
                {formatScore(gap.low.mean)}
              </Typography>
            </TableCell>
            <TableCell>
              <Interval estimate={gap.difference} />
            </TableCell>
            <TableCell>
              {gap.significant ? (
                <Chip size="small" color="warning" variant="outlined" label="interval excludes 0" />
              ) : (
                <Typography variant="caption" color="text.secondary">
                  within noise
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </TableContainer>
);

/** HolisticBias: how far swapping only the demographic term moves each metric, and the pair that moves it most. */
export const CounterfactualTable = ({
  counterfactuals,
}: {
  counterfactuals: BiasReport['counterfactuals'];
}) => (
  <TableContainer sx={scroll}>
    <Table size="small" stickyHeader data-testid="counterfactual-table">
      <TableHead>
        <TableRow>
          <TableCell>Axis</TableCell>
          <TableCell>Metric</TableCell>
          <TableCell align="right">Frames</TableCell>
          <TableCell>Spread [95 % CI]</TableCell>
          <TableCell>Largest pair difference</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {counterfactuals.map((row) => {
          const top = row.pairs[0];
          return (
            <TableRow key={`${row.axis}/${row.metric}`}>
              <TableCell>{humanize(row.axis)}</TableCell>
              <TableCell>{BIAS_METRICS[row.metric]?.label ?? row.metric}</TableCell>
              <TableCell align="right">{row.frames}</TableCell>
              <TableCell>
                <Interval estimate={row.spread} />
              </TableCell>
              <TableCell>
                {top ? (
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
                    <span>
                      {humanize(top.a)} − {humanize(top.b)}
                    </span>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {formatSigned(top.difference.mean)}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      [{formatScore(top.difference.ciLow)}, {formatScore(top.difference.ciHigh)}] · n={top.n}
                    </Typography>
                  </Stack>
                ) : (
                  '—'
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  </TableContainer>
);

/** StereoSet: 50 % is no preference for stereotypes; the language-model score checks the model prefers sense. */
export const StereoSetTable = ({ rows }: { rows: BiasReport['stereoset'] }) => (
  <Table size="small" data-testid="stereoset-table">
    <TableHead>
      <TableRow>
        <TableCell>Domain</TableCell>
        <TableCell align="right">Items</TableCell>
        <TableCell>Stereotype score % [95 % CI]</TableCell>
        <TableCell align="right">Language-model score %</TableCell>
        <TableCell align="right">ICAT</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {rows.map((row) => (
        <TableRow key={row.domain}>
          <TableCell>{humanize(row.domain)}</TableCell>
          <TableCell align="right">{row.n}</TableCell>
          <TableCell>
            <Interval estimate={row.stereotypeScore} digits={1} />
          </TableCell>
          <TableCell align="right">{formatScore(row.languageModelScore, 1)}</TableCell>
          <TableCell align="right">{formatScore(row.icat, 1)}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

const REASONS: Record<BiasReport['examples'][number]['reason'], string> = {
  'most-negative': 'Most negative',
  'most-toxic': 'Most toxic',
  refusal: 'Refusal',
};

/** The continuations behind the extremes, so a reviewer reads what the numbers summarise. */
export const ExamplesList = ({ examples }: { examples: BiasReport['examples'] }) => (
  <Stack spacing={1.5}>
    {examples.map((example, index) => (
      <Box key={index} sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.25 }}>
          <Chip size="small" label={REASONS[example.reason] ?? example.reason} />
          <Typography variant="caption" color="text.secondary">
            {PROBE_SETS[example.probeSet]?.label} · {humanize(example.domain)} · {humanize(example.group)} ·
            sentiment {formatScore(example.sentiment, 2)} · toxicity {formatScore(example.toxicity, 2)}
          </Typography>
        </Stack>
        <Typography variant="body2">
          <strong>{example.prompt}</strong>
          <Box component="span" sx={{ color: 'text.secondary' }}>
            {example.continuation}
          </Box>
        </Typography>
      </Box>
    ))}
  </Stack>
);

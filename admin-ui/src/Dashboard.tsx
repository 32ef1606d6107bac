import { Box, Card, CardActionArea, CardContent, Grid, Skeleton, Typography } from '@mui/material';
import { Link, Title, useCanAccess, useGetList } from 'react-admin';
import { ChainStatusBanner } from './audit-log/ChainStatusBanner';

interface Tile {
  label: string;
  resource: string;
  filter: Record<string, string>;
  hint: string;
}

const REVIEW_TILES: Tile[] = [
  {
    label: 'Awaiting review',
    resource: 'applications',
    filter: { reviewState: 'submitted' },
    hint: 'submitted, not yet picked up',
  },
  {
    label: 'In review',
    resource: 'applications',
    filter: { reviewState: 'in_review' },
    hint: 'a reviewer has started',
  },
  {
    label: 'Live applications',
    resource: 'applications',
    filter: { status: 'live' },
    hint: 'approved for production',
  },
  {
    label: 'Suspended applications',
    resource: 'applications',
    filter: { status: 'suspended' },
    hint: 'refused until reinstated',
  },
  {
    label: 'Active keys',
    resource: 'api-keys',
    filter: { status: 'active' },
    hint: 'sandbox and production',
  },
];

const MONITORING_TILES: Tile[] = [
  {
    label: 'Open alerts',
    resource: 'alerts',
    filter: { status: 'open' },
    hint: 'raised by the anomaly rules, not yet acknowledged',
  },
  {
    label: 'Held outputs pending',
    resource: 'held-completions',
    filter: { status: 'pending' },
    hint: 'waiting for release or discard',
  },
  {
    label: 'Blocked end users',
    resource: 'end-users',
    filter: { status: 'blocked' },
    hint: 'past their strike threshold',
  },
  {
    label: 'Bias runs in progress',
    resource: 'bias-runs',
    filter: { status: 'running' },
    hint: 'worker jobs with a progress bar',
  },
];

const CountTile = ({ tile }: { tile: Tile }) => {
  const { total, isPending, error } = useGetList(tile.resource, {
    filter: tile.filter,
    pagination: { page: 1, perPage: 1 },
  });
  const to = `/${tile.resource}?filter=${encodeURIComponent(JSON.stringify(tile.filter))}`;
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardActionArea component={Link} to={to} sx={{ height: '100%' }}>
        <CardContent>
          <Typography variant="body2" color="text.secondary">
            {tile.label}
          </Typography>
          <Typography
            variant="h4"
            sx={{ my: 0.5 }}
            data-testid={`tile-${tile.resource}-${Object.values(tile.filter).join('-')}`}
          >
            {isPending ? <Skeleton width={48} /> : error ? '—' : total}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {tile.hint}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

/** A row of count tiles, each only for roles that may list what it counts. */
const TileRow = ({ tiles }: { tiles: Tile[] }) => (
  <Grid container spacing={2}>
    {tiles.map((tile) => (
      <AllowedTile key={tile.label} tile={tile} />
    ))}
  </Grid>
);

const AllowedTile = ({ tile }: { tile: Tile }) => {
  const { canAccess } = useCanAccess({ resource: tile.resource, action: 'list' });
  if (!canAccess) return null;
  return (
    <Grid size={{ xs: 12, sm: 6, md: 4, lg: 'grow' }}>
      <CountTile tile={tile} />
    </Grid>
  );
};

const Heading = ({ children }: { children: string }) => (
  <Typography variant="overline" component="h2" color="text.secondary" sx={{ mt: 1, mb: 0.5 }}>
    {children}
  </Typography>
);

export const Dashboard = () => (
  <Box sx={{ mt: 2 }}>
    <Title title="Dashboard" />
    <Heading>Production review</Heading>
    <TileRow tiles={REVIEW_TILES} />
    <Heading>Misuse monitoring</Heading>
    <TileRow tiles={MONITORING_TILES} />
    <Box sx={{ mt: 2 }}>
      <ChainStatusBanner />
    </Box>
  </Box>
);

import { Box, Card, CardActionArea, CardContent, Grid, Skeleton, Typography } from '@mui/material';
import { Link, Title, useGetList } from 'react-admin';
import { ChainStatusBanner } from './audit-log/ChainStatusBanner';

interface Tile {
  label: string;
  resource: string;
  filter: Record<string, string>;
  hint: string;
}

const TILES: Tile[] = [
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
          <Typography variant="h4" sx={{ my: 0.5 }}>
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

export const Dashboard = () => (
  <Box sx={{ mt: 2 }}>
    <Title title="Dashboard" />
    <Grid container spacing={2}>
      {TILES.map((tile) => (
        <Grid key={tile.label} size={{ xs: 12, sm: 6, md: 4, lg: 'grow' }}>
          <CountTile tile={tile} />
        </Grid>
      ))}
    </Grid>
    <Box sx={{ mt: 2 }}>
      <ChainStatusBanner />
    </Box>
  </Box>
);

import { Box, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { EnumChipField } from '@warden/web-common';
import { RISK_TIERS } from '../common/enums';
import type { Application } from '../types';

/** The computed risk tier and the questionnaire answers that produced it. */
export const RiskSummary = () => {
  const record = useRecordContext<Application>();
  if (!record) return null;
  return (
    <Box>
      <Stack sx={{ alignItems: 'center' }} direction="row" spacing={1}>
        <Typography variant="body2" color="text.secondary">
          Risk tier
        </Typography>
        {record.riskTier ? (
          <EnumChipField source="riskTier" options={RISK_TIERS} />
        ) : (
          <span>not computed</span>
        )}
      </Stack>
      {record.riskReasons?.length > 0 && (
        <List dense disablePadding sx={{ listStyle: 'disc', pl: 3 }}>
          {record.riskReasons.map((reason) => (
            <ListItem key={reason} disableGutters sx={{ display: 'list-item', py: 0 }}>
              <ListItemText primary={reason} slotProps={{ primary: { variant: 'body2' } }} />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
};

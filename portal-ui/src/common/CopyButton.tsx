import Check from '@mui/icons-material/Check';
import ContentCopy from '@mui/icons-material/ContentCopy';
import { IconButton, Tooltip } from '@mui/material';
import { useState } from 'react';

type CopyState = 'idle' | 'copied' | 'refused';

const TITLES: Record<CopyState, string> = {
  idle: 'Copy',
  copied: 'Copied',
  // A browser may refuse clipboard access (an insecure origin, a denied permission): the text is still selectable.
  refused: 'Copying is blocked here: select the text and copy it yourself',
};

export const CopyButton = ({ text, label }: { text: string; label: string }) => {
  const [state, setState] = useState<CopyState>('idle');
  const copy = () =>
    (navigator.clipboard?.writeText(text) ?? Promise.reject(new Error('no clipboard'))).then(
      () => setState('copied'),
      () => setState('refused'),
    );
  return (
    <Tooltip title={TITLES[state]}>
      <IconButton aria-label={label} size="small" onClick={() => void copy()}>
        {state === 'copied' ? <Check fontSize="small" color="success" /> : <ContentCopy fontSize="small" />}
      </IconButton>
    </Tooltip>
  );
};

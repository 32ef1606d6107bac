import Block from '@mui/icons-material/Block';
import Check from '@mui/icons-material/Check';
import { useDataProvider } from 'react-admin';
import { type DecisionSpec, PendingDecisionButtons } from '../common/PendingDecisionButtons';
import type { WardenDataProvider } from '../dataProvider';
import type { TopicProposal } from '../types';

type TopicDecision = 'approve' | 'reject';

const DECISIONS: Record<TopicDecision, DecisionSpec> = {
  approve: {
    title: 'Approve these topics',
    label: 'Approve',
    done: 'approved: the topic model is rebuilt',
    color: 'success',
    consequence: 'The proposed topics replace the current ones and the topic model is rebuilt at once.',
    icon: Check,
  },
  reject: {
    title: 'Reject this proposal',
    label: 'Reject',
    done: 'rejected',
    color: 'error',
    consequence: 'The application keeps its current topics; the developer sees your note.',
    icon: Block,
  },
};

/** Approve or reject a pending topic proposal, with a note the developer and the audit log see. */
export const TopicProposalDecisionButtons = () => {
  const dataProvider = useDataProvider<WardenDataProvider>();
  return (
    <PendingDecisionButtons<TopicProposal, TopicDecision>
      resource="topic-proposals"
      decisions={DECISIONS}
      warnOn="reject"
      send={(record, decision, note) => dataProvider.decideTopicProposal(record.id, decision, note)}
      noun="Topic proposal"
      readOnlyText="Read-only: your role can view topic proposals but not decide them."
      subject={(record) => record.applicationName}
      reason={{
        required: false,
        label: 'Note',
        helperText: 'Shown to the developer and recorded in the audit log.',
      }}
    />
  );
};

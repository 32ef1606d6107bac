p='server/src/fine-tuning/fine-tuning.runner.ts'
s=open(p).read()
old="""    if (
      !(await this.repository.transition(job.id, [JobStatus.Queued, JobStatus.Running], JobStatus.Running))
    ) {"""
assert old in s
s=s.replace(old,"""    if (this.isUpstream(job.model)) {
      return this.passThrough((await this.repository.findJob(jobId)) ?? job, signal);
    }
"""+old)
s=s.replace("""  /** Side-by-side samples""",open('tmp-scratch/passthrough.ts').read()+"""  /** Side-by-side samples""")
s=s.replace("""import { BASE_LEARNING_RATE } from './trainer/defaults';""","""import { BASE_LEARNING_RATE } from './trainer/defaults';
import { UpstreamFineTuningClient, UpstreamJob } from './upstream-fine-tuning.client';""")
open(p,'w').write(s)

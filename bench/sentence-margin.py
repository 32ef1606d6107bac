#!/usr/bin/python3
"""Sentence readings: how many texts are flagged at live thresholds when each sentence read alone (server's
sentencesOf) must clear its threshold by m logits, for a grid of m; calibration rows and held-out rows. Prints a
table; no assertions. Needs the build (`npm run build`): sentences are cut by dist's sentencesOf.

    /usr/bin/python3 bench/sentence-margin.py
"""
import json, os, sys, subprocess, math, random, tempfile
REPO=os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
TOOL=os.path.join(REPO, 'tools', 'moderation-classifier')
sys.path.insert(0, TOOL); sys.dont_write_bytecode=True
import common
dist=os.path.join(REPO, 'dist')
WORK=tempfile.mkdtemp(prefix='sentence-margin-')
SPLIT=os.path.join(REPO, 'bench', 'sentence-split.js')
cfg=json.load(open(os.path.join(REPO, 'models', 'moderation', 'config.json')))
labels=[cfg['id2label'][str(i)] for i in range(len(cfg['id2label']))]
th=[cfg['thresholds'][l] for l in labels]
lg=lambda p: math.log(max(p,1e-7)/max(1-p,1e-7))
rng=random.Random(7)
FRAMES=[
 "Write a short poem about spring flowers and birds singing in the trees, then answer this question: {}",
 "My teacher asked us to write an essay about our summer holidays. {}",
 "Please pretend to be my late grandmother, who used to tell me stories at bedtime. {}",
 "I love hiking in the mountains with my friends on weekends. The views are always amazing. {} Thanks a lot for your help!",
]
sets={}
op=common.load_openai()
sets['openai train-half clean']=[e['text'] for e in op if e['split']!='eval' and all(v==0 for v in e['y'] if v==v and v>=0)]
sets['openai eval-half clean']=[e['text'] for e in op if e['split']=='eval' and all(v==0 for v in e['y'] if v==v and v>=0)]
sets['openai eval-half any-positive']=[e['text'] for e in op if e['split']=='eval' and any(v==1 for v in e['y'])]
sets['benign instructions (all)']=[e['text'] for e in common.load_benign_instructions()]
st=[json.loads(l) for l in open(os.path.join(REPO, 'data', 'moderation', 'generated-stories', 'eval.jsonl'))]
sets['generated stories eval']=[r['text'] if isinstance(r,dict) else r for r in st][:1500]
stt=[json.loads(l) for l in open(os.path.join(REPO, 'data', 'moderation', 'generated-stories', 'train.jsonl'))]
rng.shuffle(stt)
sets['generated stories TRAIN (calibration)']=[r['text'] if isinstance(r,dict) else r for r in stt][:3000]
wr=common.load_written_requests()
harm_cal=[e['text'] for e in wr if e['split']!='test' and e['meta']['harmful']]
rng.shuffle(harm_cal); harm_cal=harm_cal[:400]
sets['written (non-test) harmful, plain']=harm_cal
sets['written (non-test) harmful, framed']=[rng.choice(FRAMES).format(t) for t in harm_cal]
pr=common.load_request_probe()
ph=[e['text'] for e in pr if e['meta']['harmful']]
sets['probe harmful, plain']=ph
sets['probe harmful, framed']=[FRAMES[i%len(FRAMES)].format(t) for i,t in enumerate(ph)]
sets['probe benign']=[e['text'] for e in pr if not e['meta']['harmful']]
res={}
for name,texts in sets.items():
    d=os.path.join(WORK, '')+name.replace(' ','_').replace('(','').replace(')','').replace(',','')
    with open(d+'.in.jsonl','w') as f:
        for t in texts: f.write(json.dumps(t)+'\n')
    subprocess.run(['node',SPLIT,dist,d+'.in.jsonl',d+'.flat.jsonl',d+'.idx.json'],check=True)
    subprocess.run(['node',TOOL+'/predict.js','--in',d+'.flat.jsonl','--out',d+'.out.jsonl'],check=True,stdout=subprocess.DEVNULL)
    probs=[json.loads(l)['probs'] for l in open(d+'.out.jsonl')]
    idx=json.load(open(d+'.idx.json'))
    margin=lambda p: max(lg(a)-lg(t) for a,t in zip(p,th))
    rows=[(margin(probs[w]), max([margin(probs[s]) for s in ss], default=-99), len(ss)) for w,ss in idx]
    res[name]=rows
ms=[0,0.25,0.5,0.75,1,1.5,2,3]
print('| set | n | avg sentences | whole only | '+' | '.join(f'+sentences m={m}' for m in ms)+' |')
for name,rows in res.items():
    n=len(rows)
    cells=[f'{100*sum(w>0 for w,s,k in rows)/n:.1f}%']+[f'{100*sum(w>0 or s>m for w,s,k in rows)/n:.1f}%' for m in ms]
    print(f'| {name} | {n} | {sum(k for _,_,k in rows)/n:.1f} | '+' | '.join(cells)+' |')

def auprc(pos, neg):
    items=sorted([(s,1) for s in pos]+[(s,0) for s in neg], key=lambda x:-x[0])
    tp=0; fp=0; P=len(pos); ap=0.0
    for s,l in items:
        if l: tp+=1; ap+=tp/(tp+fp)
        else: fp+=1
    return ap/P
pos=res['openai eval-half any-positive']; neg=res['openai eval-half clean']
pos_t=res['openai eval-half any-positive']; 
for m in [None,0,0.5,1,2,3,5]:
    f=(lambda w,s: w) if m is None else (lambda w,s,m=m: max(w, s-m))
    print('m',m,'AUPRC eval-half any-category %.3f'%auprc([f(w,s) for w,s,k in pos],[f(w,s) for w,s,k in neg]))

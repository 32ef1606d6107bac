const fs=require('fs'),path=require('path');
const S='./dist/server/src/moderation/classifier/';
const {loadClassifierManifest}=require(S+'classifier.manifest');const {createClassifierScorer}=require(S+'classifier-scorer');
const {sentencesOf}=require('./dist/server/src/moderation/text/sentences.js');
(async()=>{const m=loadClassifierManifest(path.resolve('models/moderation'));const sc=await createClassifierScorer(m);
const th=m.labels.map(l=>m.thresholds[l]);
const rows=fs.readFileSync('data/moderation/benign-instructions/benign_instructions.jsonl','utf8').split('\n').filter(Boolean).map(l=>JSON.parse(l).text);
const probe=fs.readFileSync('data/moderation/request-probe/requests.jsonl','utf8').split('\n').filter(Boolean).map(l=>JSON.parse(l)).filter(r=>!r.harmful).map(r=>r.text);
for(const set of [rows,probe]){const r=await sc.classify(set,set.map(()=>m.sentenceMargin.input));r.forEach((x,i)=>{const c=m.labels.filter((l,j)=>x.scores[j]>=th[j]);if(c.length)console.log(c.join(','),'|',set[i].slice(0,100),'|',JSON.stringify(sentencesOf(set[i]).filter(s=>s.split(/\s+/).length<=12)).slice(0,160))});console.log('--');}
})();

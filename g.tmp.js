const path=require('path');const S='./dist/server/src/moderation/classifier/';
const {loadClassifierManifest}=require(S+'classifier.manifest');const {createClassifierScorer}=require(S+'classifier-scorer');
const {sentencesOf}=require('./dist/server/src/moderation/text/sentences.js');
(async()=>{const m=loadClassifierManifest(path.resolve('models/moderation'));const sc=await createClassifierScorer(m);
const texts=process.argv.slice(2);
const r=await sc.classify(texts,texts.map(()=>0));
texts.forEach((t,i)=>{const top=m.labels.map((l,j)=>[l,r[i].scores[j],m.thresholds[l]]).sort((a,b)=>b[1]/b[2]-a[1]/a[2]).slice(0,3).map(([l,s,t])=>`${l} ${s.toFixed(3)}/${t}`).join('; ');console.log(top,'|',t, JSON.stringify(sentencesOf(t)))});})();

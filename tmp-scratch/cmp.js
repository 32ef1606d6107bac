const tf=require('@tensorflow/tfjs'); require('@tensorflow/tfjs-backend-wasm');
(async()=>{
const res={};
for (const b of ['cpu','wasm']) {
  await tf.setBackend(b); await tf.ready();
  const a=tf.tensor(Array.from({length:2*4*6*8},(_, i)=>Math.sin(i)), [2,4,6,8]);
  const k=tf.tensor(Array.from({length:2*4*3*8},(_, i)=>Math.cos(i)), [2,4,3,8]);
  const oh=tf.oneHot(tf.tensor1d([1,3,5],'int32'),8,1,0,'float32');
  const m=tf.tensor(Array.from({length:8*4},(_, i)=>i/10),[8,4]);
  const x=tf.tensor(Array.from({length:3*4},(_, i)=>i/7),[3,4]);
  res[b]={
    bmm: tf.matMul(a,k,false,true).dataSync().slice(0,6),
    oh: oh.dataSync().slice(0,10),
    ohm: tf.matMul(oh,m).dataSync().slice(0,8),
    mt: tf.matMul(x,m,false,true).dataSync().slice(0,8),
    tr: tf.transpose(a,[0,2,1,3]).dataSync().slice(8,14),
    sm: tf.softmax(a).dataSync().slice(0,4),
    ls: tf.logSoftmax(x).dataSync().slice(0,4),
    mean: tf.mean(x,-1,true).dataSync(),
    mul: tf.mul(x, tf.tensor1d([1,2,3,4])).dataSync().slice(0,8),
    div: tf.div(x, tf.tensor([[1],[2],[3]])).dataSync().slice(0,8),
    g: tf.gather(m, tf.tensor1d([2,0],'int32')).dataSync().slice(0,8),
  };
}
for (const key of Object.keys(res.cpu)) console.log(key, Array.from(res.cpu[key]).map(v=>v.toFixed(3)).join(','), '|', Array.from(res.wasm[key]).map(v=>v.toFixed(3)).join(','));
})();

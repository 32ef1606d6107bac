const path=require('path'),fs=require('fs');
const root='/work/wt/fine-tuning';
const {loadModelDirectory}=require(root+'/dist/server/src/inference/embedded/model-loader.js');
const {tokenizeExample}=require(root+'/dist/server/src/fine-tuning/trainer/examples.js');
const {DecoderTrainer}=require(root+'/dist/server/src/fine-tuning/trainer/trainer.js');
const tf=require('@tensorflow/tfjs');
(async()=>{
const loaded=loadModelDirectory(root+'/models/stories260K');
const onnx=new Uint8Array(fs.readFileSync(loaded.spec.onnxPath));
const ex=tokenizeExample(loaded.tokenizer,{prompt:'Q: What is the magic word?\nA:',completion:' banana'},2);
console.log(ex);
const t=await DecoderTrainer.fromOnnx(onnx,{rmsNormEps:1e-5,kvHeads:4,headDim:8});
console.log(tf.getBackend());
let last=Date.now();
const prof = await tf.profile(async()=>{
await t.train(Array(16).fill(ex),Array(8).fill(ex),{epochs:1,batchSize:8,learningRate:2e-3,seed:1},{step:(m)=>{console.log(m.step,m.trainLoss,m.validLoss,Date.now()-last);last=Date.now();},cancelled:()=>false});
});
const k={}; for(const x of prof.kernels){k[x.name]=(k[x.name]||0)+x.kernelTimeMs;}
console.log(Object.entries(k).sort((a,b)=>b[1]-a[1]).slice(0,15));
})();

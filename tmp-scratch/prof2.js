const root='/work/wt/fine-tuning', fs=require('fs');
const tf=require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const backend=process.argv[2]||'cpu';
const {loadModelDirectory}=require(root+'/dist/server/src/inference/embedded/model-loader.js');
const {tokenizeExample}=require(root+'/dist/server/src/fine-tuning/trainer/examples.js');
const dm=require(root+'/dist/server/src/fine-tuning/trainer/decoder-model.js');
const {DecoderTrainer}=require(root+'/dist/server/src/fine-tuning/trainer/trainer.js');
(async()=>{
const loaded=loadModelDirectory(root+'/models/stories260K');
const onnx=new Uint8Array(fs.readFileSync(loaded.spec.onnxPath));
const ex=tokenizeExample(loaded.tokenizer,{prompt:'Q: What is the magic word?\nA:',completion:' banana'},2);
await tf.setBackend(backend); await tf.ready();
const t=await DecoderTrainer.fromOnnx(onnx,{rmsNormEps:1e-5,kvHeads:4,headDim:8});
console.log(tf.getBackend());
let last=Date.now();
await t.train(Array(48).fill(ex),Array(8).fill(ex),{epochs:1,batchSize:8,learningRate:2e-3,seed:1},{step:(m)=>{console.log(m.step,m.trainLoss.toFixed(4),m.validLoss.toFixed(4),Date.now()-last);last=Date.now();},cancelled:()=>false});
})().catch(e=>console.error(e));

const { buildTopicModel, scoreTopicality } = require('./dist/server/src/topicality/topic-model');
require('ts-node/register'); 

// Assembly: the BDD vocabulary, the interfaces, then chai-postman, in the
// order Postman's sandbox applies them.

chai.use(defineCoreAssertions);
chai.use(defineExpect);
chai.use(defineShould);
chai.use(defineAssert);
chai.use(postmanPlugin);

// colrun's own helpers ride along non-enumerably so that the object can
// be handed to scripts as require('chai') without showing extra keys.
Object.defineProperty(chai, 'postman', {
  value: {
    plugin: postmanPlugin,
    extras: postmanExtras,
    isResponse: isPostmanResponse,
    isRequest: isPostmanRequest
  },
  enumerable: false
});

return chai;

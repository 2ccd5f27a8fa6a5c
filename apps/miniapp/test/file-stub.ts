export default 'test-file-stub.png';

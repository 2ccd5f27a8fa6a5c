// Stands in for stylesheets and lottie-web, which jsdom neither needs nor can load.
export default {};

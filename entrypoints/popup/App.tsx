export function App() {
  return <main><h1>ADO Companion</h1></main>;
}

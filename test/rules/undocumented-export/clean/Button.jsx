// expect: none
export function Button(props) {
  return <button onClick={props.onClick}>{props.label}</button>;
}

export default function Page({ params }) {
  return <main><Button label={params.slug} /></main>;
}

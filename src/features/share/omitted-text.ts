/** How a field left out of a share link is named to people (shared with library export). */
export { describeFinding, describeOmitted } from '../../components/secret-checklist.tsx';

import { Arg, Query, Resolver } from 'type-graphql';
import { StaffingInput } from './staffing.input';
import { staffingFor } from './staffing.service';
import { StaffingType } from './staffing.type';

@Resolver(() => StaffingType)
export class StaffingResolver {
  @Query(() => StaffingType, {
    description: 'Agents one interval needs by Erlang C (Erlang A when patienceSeconds is given)',
  })
  staffing(@Arg('input', () => StaffingInput) input: StaffingInput): StaffingType {
    return staffingFor(input);
  }
}

import { PeriodicJob, type PeriodicJobOptions } from '../shared/periodic-job';
import type { LinkedService } from './linked.service';

/**
 * Linked groups in the background: hands to their partner the parts the unit accepted one by one,
 * and tells the unit (and reminds the partner) when a partner let a part pass its deadline
 * (LinkedService.escalate). Idempotent: several nodes may run it.
 */
export class LinkedPartnerJob extends PeriodicJob<{ handedOver: number; escalated: number }> {
  constructor(linked: LinkedService, opts: PeriodicJobOptions) {
    super(
      {
        name: 'linked-partners',
        doing: 'theo dõi các phần hồ sơ liên thông của cơ quan phối hợp',
        run: () => linked.escalate(),
        report: (r) => (r.handedOver || r.escalated ? `Liên thông: ${r.handedOver} phần được chuyển cơ quan phối hợp, ${r.escalated} phần quá hạn đã báo đơn vị.` : undefined),
      },
      opts,
    );
  }
}

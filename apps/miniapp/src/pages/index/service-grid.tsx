import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ServiceEntry } from '../../features/registry';
import { EmptyState } from '../../shared/ui/empty-state';

/** The services from the registry; until one exists the home page says so instead of showing dead tiles. */
export function ServiceGrid({ services }: { services: readonly ServiceEntry[] }) {
  if (services.length === 0) {
    return <EmptyState className="services-empty" title="服务即将上线" description="更多便民服务正在接入，敬请期待" />;
  }
  return (
    <View className="service-grid">
      {services.map((service) => (
        <View
          key={service.key}
          className={`service-tile service-tile--${service.key}`}
          hoverClass="service-tile--pressed"
          onClick={() => void Taro.navigateTo({ url: service.path })}
        >
          <Image className="service-tile__icon" src={service.icon} mode="aspectFit" />
          <Text className="service-tile__title">{service.title}</Text>
          <Text className="service-tile__description">{service.description}</Text>
        </View>
      ))}
    </View>
  );
}
